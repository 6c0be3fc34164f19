<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('password-new','password-confirm'); section>
<!-- template: kenpo-password-change.ftl -->
    <#if section = "header">
        ${msg("kenpoPasswordChangeTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoPasswordChangeIntro") />
        <form id="kenpo-password-change-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@kenpo.passwordInput name="password-new" label=msg("kenpoNewPasswordLabel") autocomplete="new-password" autofocus=true error=kenpo.fieldErrors('password-new') />
            <ul class="kenpo-rules" id="kenpo-password-rules" aria-live="polite">
                <li data-kenpo-check="passwordLength" data-kenpo-for="password-new" data-min="${kenpoPasswordMin?c}" data-max="${kenpoPasswordMax?c}">${msg("kenpoRulePasswordLength", kenpoPasswordMin?c, kenpoPasswordMax?c)}</li>
                <li data-kenpo-check="passwordUpper" data-kenpo-for="password-new">${msg("kenpoRulePasswordUpper")}</li>
                <li data-kenpo-check="passwordLower" data-kenpo-for="password-new">${msg("kenpoRulePasswordLower")}</li>
                <li data-kenpo-check="passwordDigit" data-kenpo-for="password-new">${msg("kenpoRulePasswordDigit")}</li>
                <li data-kenpo-check="passwordCharacters" data-kenpo-for="password-new">${msg("kenpoRulePasswordCharacters")}</li>
            </ul>
            <@kenpo.passwordInput name="password-confirm" label=msg("kenpoPasswordConfirmLabel") autocomplete="new-password" error=kenpo.fieldErrors('password-confirm') />
            <@kenpo.revealPassword form="kenpo-password-change-form" />
            <@buttons.actionGroup>
                <@buttons.button id="kenpo-change-password" name="changePassword" label="kenpoDoRegister" />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
