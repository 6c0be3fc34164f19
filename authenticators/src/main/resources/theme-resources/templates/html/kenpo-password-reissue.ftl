<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoReissueHeading">
<p>${msg("kenpoReissueLead")}</p>
<p><a id="reissue-link" href="${link}">${link}</a></p>
<#if (accounts?size > 1)><p>${msg("kenpoReissueSeveral")}</p></#if>
<#list accounts as account>
<p>${msg("kenpoReissueLoginId")}<strong>${account.loginId}</strong><br>
${msg("kenpoReissueTemporaryPassword")}<strong style="font-family:monospace;letter-spacing:0.1em;">${account.temporaryPassword}</strong></p>
</#list>
<p><#if validityInHours>${msg("kenpoReissueValidity", validityHours)}<#else>${msg("kenpoReissueValidityMinutes", validityMinutes)}</#if><br>
${msg("kenpoReissueCurrentPassword")}<br>
${msg("kenpoMailDiscard")}<br>
${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
