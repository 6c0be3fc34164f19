<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('newLoginId','newPassword','newPasswordConfirm','email','nickname'); section>
<!-- template: kenpo-member-registration.ftl -->
    <#if section = "header">
        ${msg("kenpoRegistrationTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoRegistrationIntro") />
        <form id="kenpo-registration-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@kenpo.textInput name="newLoginId" label=msg("kenpoNewLoginId") value=kenpoValues.newLoginId autocomplete="username" autofocus=true />
            <ul class="kenpo-rules" id="kenpo-login-id-rules" aria-live="polite">
                <li data-kenpo-check="loginIdLength" data-kenpo-for="newLoginId" data-min="${kenpoLoginIdMin?c}" data-max="${kenpoLoginIdMax?c}">${msg("kenpoRuleLoginIdLength", kenpoLoginIdMin?c, kenpoLoginIdMax?c)}</li>
                <li data-kenpo-check="loginIdCharacters" data-kenpo-for="newLoginId">${msg("kenpoRuleLoginIdCharacters")}</li>
                <li data-kenpo-check="loginIdReserved" data-kenpo-for="newLoginId">${msg("kenpoRuleLoginIdReserved")}</li>
            </ul>
            <@kenpo.passwordInput name="newPassword" label=msg("kenpoNewPassword") autocomplete="new-password" error=kenpo.fieldErrors('newPassword') />
            <ul class="kenpo-rules" id="kenpo-password-rules" aria-live="polite">
                <li data-kenpo-check="passwordLength" data-kenpo-for="newPassword" data-min="${kenpoPasswordMin?c}" data-max="${kenpoPasswordMax?c}">${msg("kenpoRulePasswordLength", kenpoPasswordMin?c, kenpoPasswordMax?c)}</li>
                <li data-kenpo-check="passwordUpper" data-kenpo-for="newPassword">${msg("kenpoRulePasswordUpper")}</li>
                <li data-kenpo-check="passwordLower" data-kenpo-for="newPassword">${msg("kenpoRulePasswordLower")}</li>
                <li data-kenpo-check="passwordDigit" data-kenpo-for="newPassword">${msg("kenpoRulePasswordDigit")}</li>
                <li data-kenpo-check="passwordCharacters" data-kenpo-for="newPassword">${msg("kenpoRulePasswordCharacters")}</li>
            </ul>
            <@kenpo.passwordInput name="newPasswordConfirm" label=msg("kenpoNewPasswordConfirm") autocomplete="new-password" error=kenpo.fieldErrors('newPasswordConfirm') />
            <@kenpo.revealPassword form="kenpo-registration-form" />
            <@kenpo.textInput name="email" label=msg("kenpoEmail") value=kenpoValues.email autocomplete="email" type="email" />
            <@kenpo.textInput name="nickname" label=msg("kenpoNickname") value=kenpoValues.nickname autocomplete="nickname" />
            <@buttons.actionGroup>
                <@buttons.button id="kenpo-register" name="register" label="kenpoDoRegister" />
            </@buttons.actionGroup>
        </form>
        <ul class="kenpo-notes" id="kenpo-registration-notes">
            <li>${msg("kenpoRegistrationNoteLoginId")}</li>
            <li>${msg("kenpoRegistrationNotePassword")}</li>
            <li>${msg("kenpoRegistrationNoteNickname")}</li>
        </ul>
        <section class="kenpo-caution" id="kenpo-note-login-id">
            <h2>${msg("kenpoNote1Title")}</h2>
            <p>${msg("kenpoNote1Length", kenpoLoginIdMin?c, kenpoLoginIdMax?c)}</p>
            <p>${msg("kenpoNote1Reserved")}</p>
            <p>${msg("kenpoNote1ReservedOnly")}</p>
            <p>${msg("kenpoNote1Characters")}</p>
        </section>
        <section class="kenpo-caution" id="kenpo-note-password">
            <h2>${msg("kenpoNote2Title")}</h2>
            <p>${msg("kenpoNote2Classes")}</p>
            <p>${msg("kenpoNote2Length", kenpoPasswordMin?c, kenpoPasswordMax?c)}</p>
            <p>${msg("kenpoNote2Characters")}</p>
            <p>${msg("kenpoNote2Upper")}<br>${msg("kenpoNote2Lower")}<br>${msg("kenpoNote2Digits")}</p>
        </section>
    </#if>
</@layout.registrationLayout>
