<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoLookupResultHeading">
<p>${msg("kenpoLookupResultLead")}</p>
<p><a href="${link}">${link}</a></p>
<p>${msg("kenpoLookupResultOnce")}<br>${msg("kenpoLookupResultValidity", validityHours)}<br>${msg("kenpoMailDiscard")}<br>${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
