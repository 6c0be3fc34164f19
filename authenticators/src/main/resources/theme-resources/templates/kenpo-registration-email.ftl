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
        <p class="kenpo-warning" id="kenpo-registration-needs-letter">${msg("kenpoRegistrationEmailNeedsLetter", msg("kenpoLetterTitle"))}</p>
        <form id="kenpo-registration-email-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@kenpo.textInput name="registrationEmail" label=msg("kenpoEmail") value=(kenpoRegistrationEmail!'') autocomplete="email" type="email" autofocus=true />
            <p class="kenpo-warning" id="kenpo-registration-email-check">${msg("kenpoRegistrationEmailCheck")}</p>
            <@buttons.actionGroup>
                <@buttons.button id="kenpo-send-registration-mail" name="kenpoSendRegistrationMail" label="kenpoDoSend" />
            </@buttons.actionGroup>
        </form>
        <ul class="kenpo-notes" id="kenpo-registration-email-notes">
            <li id="kenpo-mail-domain-note"><@kenpo.mailDomainNote /></li>
        </ul>
        <section class="kenpo-no-letter" id="kenpo-no-letter">
            <h2 class="kenpo-section-heading">${msg("kenpoRegistrationEmailNoLetterHeading")}</h2>
            <#if kenpoLookupUrl??>
                <p>${msg("kenpoRegistrationEmailNoLetterDependents")}</p>
                <p class="kenpo-links"><a id="kenpo-lookup-open" href="${kenpoLookupUrl}">${msg("kenpoLookupLink")}</a></p>
            </#if>
            <p id="kenpo-no-letter-insured">${msg("kenpoRegistrationEmailNoLetterInsured")}</p>
        </section>
        <@kenpo.backToLogin />
    </#if>
</@layout.registrationLayout>
