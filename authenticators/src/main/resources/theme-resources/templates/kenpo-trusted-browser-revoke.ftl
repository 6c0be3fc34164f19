<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout; section>
<!-- template: kenpo-trusted-browser-revoke.ftl -->
    <#if section = "header">
        ${msg("kenpoTrustRevokeTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoTrustRevokeIntro") />
        <form id="kenpo-trust-revoke-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="kenpo-trust-revoke" name="revoke" label="kenpoDoTrustRevoke" />
                <@buttons.button id="kenpo-trust-revoke-cancel" name="cancel-aia" label="doCancel" class=["kcButtonSecondaryClass"] />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
