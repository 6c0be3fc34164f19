<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-lookup-on-hold.ftl -->
    <#if section = "header">
        ${msg("kenpoLookupRevealTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoLookupOnHold", kenpoOpensAt) />
        <p class="kenpo-notice" id="kenpo-lookup-on-hold">${msg("kenpoLookupOnHoldWhy")}</p>
    </#if>
</@layout.registrationLayout>
