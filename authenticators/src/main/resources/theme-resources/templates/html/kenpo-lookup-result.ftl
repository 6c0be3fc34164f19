<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoLookupResultHeading">
<p>${msg("kenpoLookupResultLead")}</p>
<p><a href="${link}">${link}</a></p>
<p><#if opensAt??>${msg("kenpoLookupResultOpensAt", opensAt)}<br>${msg("kenpoLookupResultValidityFrom", validityHours)}<#else>${msg("kenpoLookupResultValidity", validityHours)}</#if><br>${msg("kenpoLookupResultOnce")}<br>${msg("kenpoLookupResultNotIssued", unionName)}<br>${msg("kenpoMailDiscard")}<br>${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
