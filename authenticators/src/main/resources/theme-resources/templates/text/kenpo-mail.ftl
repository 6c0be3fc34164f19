<#ftl output_format="plainText">
<#-- Every mail of the pack: the heading, the union's greeting, the body, the union's name. -->
<#macro mail heading="" greeting=true>
<#if heading?has_content>
${msg(heading)}

</#if>
<#if greeting>
${msg("kenpoMailGreeting", unionName)}

</#if>
<#nested>

${unionName}
</#macro>
