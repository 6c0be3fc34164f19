<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('reissueEmail'); section>
<!-- template: kenpo-password-reissue.ftl -->
    <#if section = "header">
        ${msg("kenpoReissueTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoReissueIntro") />
        <form id="kenpo-reissue-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@kenpo.textInput name="reissueEmail" label=msg("kenpoEmail") value=(kenpoReissueEmail!'') autocomplete="email" type="email" autofocus=true />
            <@buttons.actionGroup>
                <@buttons.button id="kenpo-send-reissue" name="kenpoSendReissue" label="kenpoDoSendShort" />
            </@buttons.actionGroup>
        </form>
        <#if kenpoLookupUrl??><p class="kenpo-links"><a id="kenpo-lookup-open" href="${kenpoLookupUrl}">${msg("kenpoLookupLinkFromReissue")}</a></p></#if>
        <@kenpo.loginScreenButton />
        <ul class="kenpo-notes" id="kenpo-reissue-notes">
            <li>${msg("kenpoReissueNote")}</li>
            <li>${msg("kenpoReissueNoAddress")}</li>
        </ul>
    </#if>
</@layout.registrationLayout>
