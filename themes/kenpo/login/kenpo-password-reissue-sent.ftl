<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-password-reissue-sent.ftl -->
    <#if section = "header">
        ${msg("kenpoReissueTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoReissueSentText") />
        <ul class="kenpo-notes" id="kenpo-reissue-sent-notes">
            <li>${msg("kenpoReissueSentSpam")}</li>
            <li>${msg("kenpoReissueNoAddress")}</li>
        </ul>
        <div class="kenpo-links">
            <a id="kenpo-to-login" class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass}"
               href="${url.loginRestartFlowUrl}">${msg("kenpoToLoginScreen")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
