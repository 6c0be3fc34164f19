<#import "template.ftl" as layout>
<@layout.emailLayout>
<h2>${msg("kenpoLookupResultHeading")}</h2>
<p>${msg("kenpoMailGreeting", unionName)}</p>
<p>${msg("kenpoLookupRegisteredLead")}<br>${msg("kenpoLookupRegisteredLoginId", loginId)}</p>
<p>${msg("kenpoLookupRegisteredHelp", unionName)}<br>${msg("kenpoMailNoReply")}</p>
<p>${unionName}</p>
</@layout.emailLayout>
