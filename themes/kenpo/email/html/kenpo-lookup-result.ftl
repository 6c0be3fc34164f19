<#import "template.ftl" as layout>
<@layout.emailLayout>
<h2>${msg("kenpoLookupResultHeading")}</h2>
<p>${msg("kenpoMailGreeting", unionName)}</p>
<p>${msg("kenpoLookupResultLead")}</p>
<p><a href="${link}">${link}</a></p>
<p>${msg("kenpoLookupResultOnce")}<br>${msg("kenpoLookupResultValidity", validityHours)}<br>${msg("kenpoMailDiscard")}<br>${msg("kenpoMailNoReply")}</p>
<p>${unionName}</p>
</@layout.emailLayout>
