<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoLookupResultHeading">
<p>${msg("kenpoLookupNoMatchLead")}<br>${msg("kenpoLookupNoMatchHelp", unionName)}</p>
<p>${msg("kenpoMailDiscard")}<br>${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
