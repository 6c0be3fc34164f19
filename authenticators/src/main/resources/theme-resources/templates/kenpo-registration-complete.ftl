<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-registration-complete.ftl -->
    <#if section = "header">
        ${msg("kenpoRegistrationCompleteTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoRegistrationCompleteText") />
        <p class="kenpo-notice" id="kenpo-registration-next">${msg("kenpoRegistrationCompleteNext")}</p>
        <@kenpo.loginScreenButton primary=true />
    </#if>
</@layout.registrationLayout>
