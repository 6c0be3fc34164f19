<#import "template.ftl" as layout>
<#-- Every mail of the pack: the realm's email layout, the heading, the union's greeting, the body, the union's name. -->
<#macro mail heading="" greeting=true>
<@layout.emailLayout>
<#if heading?has_content><h2>${msg(heading)}</h2></#if>
<#if greeting><p>${msg("kenpoMailGreeting", unionName)}</p></#if>
<#nested>
<p>${unionName}</p>
</@layout.emailLayout>
</#macro>
