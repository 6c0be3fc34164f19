<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('reissueEmail'); section>
<!-- template: kenpo-password-reissue.ftl -->
    <#if section = "header">
        ${msg("kenpoReissueTitle")}
    <#elseif section = "form">
        <h2 class="kenpo-section-heading" id="kenpo-reissue-with-address">${msg("kenpoReissueWithAddressHeading")}</h2>
        <@kenpo.intro text=msg("kenpoReissueIntro") />
        <form id="kenpo-reissue-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@kenpo.textInput name="reissueEmail" label=msg("kenpoEmail") value=(kenpoReissueEmail!'') autocomplete="email" type="email" autofocus=true />
            <@buttons.actionGroup>
                <@buttons.button id="kenpo-send-reissue" name="kenpoSendReissue" label="kenpoDoSendShort" />
            </@buttons.actionGroup>
        </form>
        <ul class="kenpo-notes" id="kenpo-reissue-notes">
            <li>${msg("kenpoReissueNote")}</li>
            <li id="kenpo-mail-domain-note"><@kenpo.mailDomainNote /></li>
        </ul>
        <h2 class="kenpo-section-heading" id="kenpo-reissue-without-address">${msg("kenpoReissueWithoutAddressHeading")}</h2>
        <p id="kenpo-reissue-no-address">${msg("kenpoReissueNoAddress")}</p>
        <#if kenpoLookupUrl??><p class="kenpo-links"><a id="kenpo-lookup-open" href="${kenpoLookupUrl}">${msg("kenpoLookupLinkFromReissue")}</a></p></#if>
        <@kenpo.loginScreenButton />
    </#if>
</@layout.registrationLayout>
