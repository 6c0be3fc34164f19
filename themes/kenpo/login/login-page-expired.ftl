<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<#-- Keycloak's 期限切れ page as the pack's: a sentence and two buttons instead of two 「こちら」 links in a sentence. -->
<@layout.registrationLayout displayMessage=false; section>
<!-- template: login-page-expired.ftl (kenpo) -->
    <#if section = "header">
        ${msg("pageExpiredTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoPageExpiredIntro") />
        <div class="kenpo-links">
            <a id="loginContinueLink" class="${properties.kcButtonPrimaryClass} ${properties.kcButtonBlockClass}" href="${url.loginAction}">${msg("pageExpiredMsg2")}</a>
        </div>
        <div class="kenpo-links">
            <a id="loginRestartLink" class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass}" href="${url.loginRestartFlowUrl}">${msg("pageExpiredMsg1")}</a>
        </div>
    </#if>
</@layout.registrationLayout>
