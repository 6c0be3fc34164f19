<#import "template.ftl" as layout>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=false; section>
<!-- template: kenpo-lookup-credentials.ftl -->
    <#if section = "header">
        ${msg("kenpoLookupRevealTitle")}
    <#elseif section = "form">
        <dl class="kenpo-credentials" id="kenpo-lookup-credentials">
            <dt>${msg("kenpoLoginId")}</dt><dd id="kenpo-lookup-login-id">${kenpoLoginId}</dd>
            <dt>${msg("kenpoTemporaryPassword")}</dt><dd id="kenpo-lookup-temporary-password">${kenpoTemporaryPassword}</dd>
        </dl>
        <p class="kenpo-warning" id="kenpo-lookup-once">${msg("kenpoLookupOnce")}</p>
        <p class="kenpo-notice">${msg("kenpoLookupCredentialsNext")}</p>
        <@kenpo.loginScreenButton primary=true href=kenpoLoginUrl />
    </#if>
</@layout.registrationLayout>
