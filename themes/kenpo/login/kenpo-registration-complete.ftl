<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-registration-complete.ftl -->
    <#if section = "header">
        ${msg("kenpoRegistrationCompleteTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoRegistrationCompleteText") />
        <p class="kenpo-notice" id="kenpo-registration-next">${msg("kenpoRegistrationCompleteNext")}</p>
        <div class="kenpo-links">
            <a id="kenpo-to-login" class="${properties.kcButtonPrimaryClass} ${properties.kcButtonBlockClass}"
               href="${url.loginRestartFlowUrl}">${msg("kenpoToLoginScreen")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
