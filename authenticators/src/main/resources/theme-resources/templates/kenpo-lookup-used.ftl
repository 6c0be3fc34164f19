<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-lookup-used.ftl -->
    <#if section = "header">
        ${msg("kenpoLookupRevealTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoLookupUsed") />
        <p class="kenpo-notice" id="kenpo-lookup-again">${msg("kenpoLookupStartAgain")}</p>
        <@kenpo.loginScreenButton primary=true href=(kenpoLoginUrl!"") />
    </#if>
</@layout.registrationLayout>
