<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('lookupEmail'); section>
<!-- template: kenpo-lookup-email.ftl -->
    <#if section = "header">
        ${msg("kenpoLookupTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoLookupEmailIntro") />
        <form id="kenpo-lookup-email-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@kenpo.textInput name="lookupEmail" label=msg("kenpoLookupEmail") value=(kenpoLookupEmail!'') type="email" autocomplete="email" autofocus=true />
            <@buttons.actionGroup>
                <@buttons.button id="kenpo-lookup-send" name="kenpoLookupSend" label="kenpoDoSendShort" />
            </@buttons.actionGroup>
        </form>
        <ul class="kenpo-notes" id="kenpo-lookup-email-notes">
            <li>${msg("kenpoLookupEmailNote")}</li>
            <li id="kenpo-mail-domain-note"><@kenpo.mailDomainNote /></li>
        </ul>
    </#if>
</@layout.registrationLayout>
