<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('correctedEmail'); section>
<!-- template: kenpo-registration-complete.ftl -->
    <#if section = "header">
        ${msg("kenpoRegistrationCompleteTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoRegistrationCompleteText") />
        <p class="kenpo-notice" id="kenpo-registration-next">${msg("kenpoRegistrationCompleteNext")}</p>
        <#if kenpoRegisteredEmail?has_content>
            <p class="kenpo-registered-email" id="kenpo-registered-email">${msg("kenpoRegistrationCompleteEmail")}<span class="kenpo-registered-email__address">${kenpoRegisteredEmail}</span></p>
            <p class="kenpo-notice" id="kenpo-registered-email-check">${msg("kenpoRegistrationCompleteEmailCheck")}</p>
        </#if>
        <@kenpo.loginScreenButton primary=true />
        <#if kenpoRegisteredEmail??>
            <details class="kenpo-correct-email" id="kenpo-correct-email" <#if messagesPerField.existsError('correctedEmail')>open</#if>>
                <summary id="kenpo-correct-email-open">${msg("kenpoRegistrationCompleteEmailFix")}</summary>
                <form id="kenpo-correct-email-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                    <@kenpo.textInput name="correctedEmail" label=msg("kenpoEmail") value=(kenpoCorrectedEmail!'') autocomplete="email" type="email" />
                    <@buttons.actionGroup>
                        <@buttons.button id="kenpo-correct-email-send" name="kenpoCorrectEmail" label="kenpoRegistrationCompleteEmailFix" />
                    </@buttons.actionGroup>
                </form>
            </details>
        </#if>
    </#if>
</@layout.registrationLayout>
