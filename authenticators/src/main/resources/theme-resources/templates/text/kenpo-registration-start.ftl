<#ftl output_format="plainText">
<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoRegistrationStartHeading">
${msg("kenpoRegistrationStartLead", msg("kenpoLetterTitle"))}

${link}

<#if validityInHours>${msg("kenpoRegistrationStartValidity", validityHours)}<#else>${msg("kenpoRegistrationStartValidityMinutes", validityMinutes)}</#if>
${msg("kenpoMailDiscard")}
${msg("kenpoMailNoReply")}
</@kenpo.mail>
