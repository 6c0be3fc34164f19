<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('emailKey'); section>
<!-- template: kenpo-email-key.ftl -->
    <#if section = "header">
        ${msg("kenpoEmailKeyTitle")}
    <#elseif section = "form">
        <#if kenpoNoAddress?? || kenpoLocked?? || kenpoResendLimitReached??>
            <div class="kenpo-links">
                <a id="kenpo-restart-login" class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass}"
                   href="${url.loginRestartFlowUrl}">${msg("kenpoBackToLogin")}</a>
            </div>
        <#else>
            <@kenpo.intro text=msg("kenpoEmailKeyIntro") />
            <div class="kenpo-notice" id="kenpo-email-key-sent">
                <p>${msg("kenpoEmailKeySent")}</p>
                <p class="kenpo-warning">${msg("kenpoEmailKeyKeepOpen")}</p>
                <p class="kenpo-masked-email" id="kenpo-masked-email">${kenpoMaskedEmail!''}</p>
            </div>
            <form id="kc-email-key-form" class="${properties.kcFormClass!}" onsubmit="login.disabled = true; return true;" action="${url.loginAction}" method="post" novalidate="novalidate">
                <@field.input name="emailKey" label=msg("kenpoEmailKeyLabel") autocomplete="one-time-code" autofocus=true />
                <#if (kenpoTrustDays!0) gt 0>
                    <div class="${properties.kcCheckboxClass}">
                        <label for="kenpo-trust-browser" class="${properties.kcCheckboxClass}">
                            <input class="${properties.kcCheckboxInputClass}" type="checkbox" id="kenpo-trust-browser" name="trustBrowser" value="on"/>
                            <span class="${properties.kcCheckboxLabelClass}">${msg("kenpoTrustBrowser", kenpoTrustDays?c)}</span>
                        </label>
                    </div>
                </#if>
                <@buttons.loginButton />
            </form>
            <form id="kenpo-resend-form" action="${url.loginAction}" method="post" novalidate="novalidate">
                <button class="${properties.kcButtonSecondaryClass} ${properties.kcButtonBlockClass}" type="submit"
                        name="resend" value="1" id="kenpo-resend">${msg("kenpoDoResendEmailKey")}</button>
            </form>
            <ul class="kenpo-notes" id="kenpo-email-key-notes">
                <li>${msg("kenpoEmailKeyNoteOnce")}</li>
                <li>${msg("kenpoEmailKeyNoteValidity", kenpoValidityMinutes)}</li>
                <li>${msg("kenpoEmailKeyNoteSpam")}</li>
                <li>${msg("kenpoEmailKeyNoteResend", kenpoValidityMinutes)}</li>
            </ul>
        </#if>
    </#if>
</@layout.registrationLayout>
