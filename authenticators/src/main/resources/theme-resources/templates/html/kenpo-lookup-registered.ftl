<#import "kenpo-mail.ftl" as kenpo>
<@kenpo.mail heading="kenpoLookupResultHeading">
<p>${msg("kenpoLookupRegisteredLead")}<br>${msg("kenpoLookupRegisteredLoginId", loginId)}</p>
<p>${msg("kenpoLookupRegisteredHelp", unionName)}<br>${msg("kenpoMailNoReply")}</p>
</@kenpo.mail>
