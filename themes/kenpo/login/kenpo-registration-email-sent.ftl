<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-registration-email-sent.ftl -->
    <#if section = "header">
        ${msg("kenpoRegistrationEmailSentTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoRegistrationEmailSentText") />
        <p class="kenpo-notice" id="kenpo-registration-email-not-arrived">${msg("kenpoRegistrationEmailNotArrived")}</p>
        <div class="kenpo-links">
            <a id="kenpo-to-login" class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass}"
               href="${url.loginRestartFlowUrl}">${msg("kenpoToLoginScreen")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
