<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoRegistrationStartHeading">
<p>${msg("kenpoRegistrationStartLead", msg("kenpoLetterTitle"))}</p>
<p><a id="registration-link" href="${link}">${link}</a></p>
<p><#if validityInHours>${msg("kenpoRegistrationStartValidity", validityHours)}<#else>${msg("kenpoRegistrationStartValidityMinutes", validityMinutes)}</#if><br>
${msg("kenpoMailDiscard")}<br>
${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
