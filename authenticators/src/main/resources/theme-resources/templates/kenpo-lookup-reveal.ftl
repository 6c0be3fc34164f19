<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-lookup-reveal.ftl -->
    <#if section = "header">
        ${msg("kenpoLookupRevealTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoLookupRevealText") />
        <form id="kenpo-lookup-reveal-form" action="${kenpoRevealAction}" method="post">
            <input type="hidden" name="key" value="${kenpoRevealKey}"/>
            <button class="${properties.kcButtonPrimaryClass} ${properties.kcButtonBlockClass}" type="submit" id="kenpo-lookup-reveal">${msg("kenpoLookupRevealButton")}</button>
        </form>
    </#if>
</@layout.registrationLayout>
