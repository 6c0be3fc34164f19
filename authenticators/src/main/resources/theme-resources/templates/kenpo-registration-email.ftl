<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('registrationEmail'); section>
<!-- template: kenpo-registration-email.ftl -->
    <#if section = "header">
        ${msg("kenpoFirstLoginTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoRegistrationEmailIntro") />
        <form id="kenpo-registration-email-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@kenpo.textInput name="registrationEmail" label=msg("kenpoEmail") value=(kenpoRegistrationEmail!'') autocomplete="email" type="email" autofocus=true />
            <p class="kenpo-warning" id="kenpo-registration-email-check">${msg("kenpoRegistrationEmailCheck")}</p>
            <@buttons.actionGroup>
                <@buttons.button id="kenpo-send-registration-mail" name="kenpoSendRegistrationMail" label="kenpoDoSend" />
            </@buttons.actionGroup>
        </form>
        <@kenpo.backToLogin />
    </#if>
</@layout.registrationLayout>
