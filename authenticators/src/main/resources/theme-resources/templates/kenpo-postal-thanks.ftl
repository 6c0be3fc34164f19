<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-postal-thanks.ftl -->
    <#if section = "header">
        ${msg("kenpoPostalThanksTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoPostalThanksText") />
        <@kenpo.loginScreenButton />
    </#if>
</@layout.registrationLayout>
