<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout; section>
<!-- template: kenpo-passkey-suggestion.ftl -->
    <#if section = "header">
        ${msg("kenpoPasskeySuggestionTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoPasskeySuggestionIntro") />
        <ul class="kenpo-notes" id="kenpo-passkey-suggestion-notes">
            <li>${msg("kenpoPasskeySuggestionWhat")}</li>
            <li>${msg("kenpoPasskeySuggestionFallback")}</li>
            <li>${msg("kenpoPasskeySuggestionProfile")}</li>
        </ul>
        <form id="kenpo-passkey-suggestion-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@buttons.actionGroup>
                <@buttons.button id="kenpo-passkey-register" name="register" label="kenpoDoRegisterPasskey" />
                <@buttons.button id="kenpo-passkey-later" name="later" label="kenpoDoPasskeyLater" type="secondary" />
            </@buttons.actionGroup>
        </form>
    </#if>
</@layout.registrationLayout>
