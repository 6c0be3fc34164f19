<#import "template.ftl" as layout>
<@layout.emailLayout>
<h2>${msg("kenpoLookupResultHeading")}</h2>
<p>${msg("kenpoMailGreeting", unionName)}</p>
<p>${msg("kenpoLookupNoMatchLead")}<br>${msg("kenpoLookupNoMatchHelp", unionName)}</p>
<p>${msg("kenpoMailDiscard")}<br>${msg("kenpoMailNoReply")}</p>
<p>${unionName}</p>
</@layout.emailLayout>
