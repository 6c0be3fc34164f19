<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoReissueHeading">
${msg("kenpoReissueLead")}

${link}

<#if (accounts?size > 1)>${msg("kenpoReissueSeveral")}

</#if><#list accounts as account>${msg("kenpoReissueLoginId")}${account.loginId}
${msg("kenpoReissueTemporaryPassword")}${account.temporaryPassword}

</#list><#if validityInHours>${msg("kenpoReissueValidity", validityHours)}<#else>${msg("kenpoReissueValidityMinutes", validityMinutes)}</#if>
${msg("kenpoReissueCurrentPassword")}
${msg("kenpoMailDiscard")}
${msg("kenpoMailNoReply")}
</@kenpo.mail>
