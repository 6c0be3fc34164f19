<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoLookupResultHeading">
<p>${msg("kenpoLookupReceivedLead_" + delivery)}</p>
<p>${msg("kenpoLookupReceivedHelp_" + delivery, unionName)}<br>${msg("kenpoMailDiscard")}<br>${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
