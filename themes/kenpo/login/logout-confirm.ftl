<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<#-- Keycloak's ログアウト confirmation as the pack's: its question as the lead, one button, no tabindex of its own
     (base's tabindex="4" put the button out of the page's reading order). -->
<@layout.registrationLayout displayMessage=false; section>
<!-- template: logout-confirm.ftl (kenpo) -->
    <#if section = "header">
        ${msg("logoutConfirmTitle")}
    <#elseif section = "form">
        <div id="kc-logout-confirm">
            <@kenpo.intro text=msg("logoutConfirmHeader") />
            <form action="${url.logoutConfirmAction}" onsubmit="confirmLogout.disabled = true; return true;" method="POST">
                <input type="hidden" name="session_code" value="${logoutConfirm.code}">
                <button class="${properties.kcButtonPrimaryClass} ${properties.kcButtonBlockClass}" name="confirmLogout" id="kc-logout"
                        type="submit" value="${msg("doLogout")}">${msg("doLogout")}</button>
            </form>
            <#if !logoutConfirm.skipLink && (client.baseUrl)?has_content>
                <div class="kenpo-links"><a id="kenpo-back-to-application" href="${client.baseUrl}">${msg("backToApplication")}</a></div>
            </#if>
        </div>
    </#if>
</@layout.registrationLayout>
