<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<#import "passkeys.ftl" as passkeys>
<#assign screen = kenpoScreen!'login'>
<#assign firstLogin = screen == 'firstLogin'>
<#assign temporaryLogin = screen == 'temporaryLogin'>
<#assign usesTemporaryPassword = firstLogin || temporaryLogin>
<#-- パスキー: Keycloak's conditional UI (the browser offers the member's passkeys at the ログインID field), on ログイン only. -->
<#assign offersPasskeys = !usesTemporaryPassword && enableWebAuthnConditionalUI?has_content>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('username','password'); section>
<!-- template: kenpo-login.ftl -->
    <#if section = "header">
        <#if firstLogin>${msg("kenpoFirstLoginTitle")}<#elseif temporaryLogin>${msg("kenpoTemporaryLoginTitle")}<#else>${msg("loginAccountTitle")}</#if>
    <#elseif section = "form">
        <div id="kc-form">
          <div id="kc-form-wrapper">
            <@kenpo.intro text=firstLogin?then(msg("kenpoFirstLoginIntro"), temporaryLogin?then(msg("kenpoTemporaryLoginIntro"), msg("kenpoLoginIntro"))) />
            <form id="kc-form-login" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                <input type="hidden" name="kenpoScreen" value="${screen}"/>
                <#if !usernameHidden??>
                    <@field.input name="username" label=msg("kenpoLoginId") error=messagesPerField.getFirstError('username','password')
                        autofocus=true autocomplete=offersPasskeys?then("username webauthn", "username") value=login.username!'' />
                </#if>
                <@kenpo.passwordInput name="password" label=usesTemporaryPassword?then(msg("kenpoTemporaryPassword"), msg("password")) autofocus=usernameHidden?? />
                <@kenpo.revealPassword form="kc-form-login" />
                <@buttons.loginButton />
            </form>
            <#if offersPasskeys>
                <p class="kenpo-notice" id="kenpo-passkey-hint">${msg("kenpoPasskeyLoginHint")}</p>
                <@passkeys.conditionalUIData />
            </#if>
            <#if temporaryLogin>
                <p class="kenpo-notice" id="kenpo-temporary-validity">${msg("kenpoTemporaryLoginValidity", (kenpoTemporaryValidityHours!3)?c)}</p>
                <@kenpo.backToLogin />
            <#elseif firstLogin>
                <form id="kenpo-register-by-email-form" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <button class="${properties.kcButtonLinkClass} kenpo-link-button" type="submit"
                            name="kenpoRegisterByEmail" value="1" id="kenpo-register-by-email">${msg("kenpoRegisterByEmailLink")}</button>
                </form>
                <#if kenpoEmptyMailAddress?? && kenpoEmptyMailQr??>
                    <div class="kenpo-empty-mail" id="kenpo-empty-mail">
                        <p class="kenpo-empty-mail-heading">${msg("kenpoEmptyMailHeading")}</p>
                        <p>${msg("kenpoEmptyMailLead")}</p>
                        <img id="kenpo-empty-mail-qr" src="${kenpoEmptyMailQr}" width="200" height="200"
                             alt="${msg("kenpoEmptyMailQrAlt", kenpoEmptyMailAddress)}"/>
                        <p>${msg("kenpoEmptyMailAddressLabel")}<a id="kenpo-empty-mail-address" href="mailto:${kenpoEmptyMailAddress}">${kenpoEmptyMailAddress}</a></p>
                        <p class="kenpo-notice">${msg("kenpoEmptyMailNote")}</p>
                    </div>
                </#if>
                <@kenpo.backToLogin />
            <#else>
                <div class="kenpo-links">
                    <#if realm.resetPasswordAllowed>
                        <a id="kenpo-forgot" href="${url.loginResetCredentialsUrl}">${msg("kenpoForgotIdOrPassword")}</a>
                    </#if>
                </div>
                <#if kenpoLookupUrl??><p class="kenpo-links"><a id="kenpo-lookup-open" href="${kenpoLookupUrl}">${msg("kenpoLookupLink")}</a></p></#if>
                <form id="kenpo-first-login-form" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <button class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass}" type="submit"
                            name="kenpoFirstLogin" value="1" id="kenpo-first-login">${msg("kenpoFirstLoginTitle")}</button>
                </form>
            </#if>
          </div>
        </div>
    </#if>
</@layout.registrationLayout>
