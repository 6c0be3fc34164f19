<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-postal-thanks.ftl -->
    <#if section = "header">
        ${msg("kenpoPostalThanksTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoPostalThanksText") />
        <div class="kenpo-links">
            <a id="kenpo-to-login" class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass}" href="${url.loginRestartFlowUrl}">${msg("kenpoToLoginScreen")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
