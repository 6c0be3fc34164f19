<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('familyName','givenName','familyKana','givenKana','symbol','number','phone','postalCode','address','message'); section>
<!-- template: kenpo-postal.ftl -->
    <#if section = "header">
        ${msg("kenpoPostalTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoPostalIntro") />
        <p class="kenpo-notice" id="kenpo-postal-purpose">${msg("kenpoPostalPurpose")}</p>
        <p class="kenpo-field-help">${msg("kenpoPostalRequiredNote")}</p>
        <form id="kenpo-postal-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@kenpo.textInput name="familyName" label=msg("kenpoPostalFamilyName") value=kenpoPostal.familyName autocomplete="family-name" />
            <@kenpo.textInput name="givenName" label=msg("kenpoPostalGivenName") value=kenpoPostal.givenName autocomplete="given-name" />
            <@kenpo.textInput name="familyKana" label=msg("kenpoPostalFamilyKana") value=kenpoPostal.familyKana />
            <@kenpo.textInput name="givenKana" label=msg("kenpoPostalGivenKana") value=kenpoPostal.givenKana />
            <@kenpo.textInput name="symbol" label=msg("kenpoPostalSymbol") value=kenpoPostal.symbol />
            <@kenpo.textInput name="number" label=msg("kenpoPostalNumber") value=kenpoPostal.number />
            <@kenpo.textInput name="phone" label=msg("kenpoPostalPhone") value=kenpoPostal.phone autocomplete="tel" type="tel" />
            <@field.group name="category" label=msg("kenpoPostalCategory")>
                <select name="category" id="category" class="${properties.kcInputClass}">
                    <option value="idpassword" <#if kenpoPostal.category == "idpassword">selected</#if>>${msg("kenpoPostalCategory_idpassword")}</option>
                    <option value="other" <#if kenpoPostal.category == "other">selected</#if>>${msg("kenpoPostalCategory_other")}</option>
                </select>
            </@field.group>
            <#assign messageError = kenpo.fieldErrors('message')>
            <@field.group name="message" label=msg("kenpoPostalMessage") error=messageError>
                <span class="${properties.kcInputClass}"><textarea id="message" name="message" rows="4">${kenpoPostal.message}</textarea></span>
            </@field.group>
            <p class="kenpo-field-help">${msg("kenpoPostalAddressNote")}</p>
            <@kenpo.textInput name="postalCode" label=msg("kenpoPostalCode") value=kenpoPostal.postalCode autocomplete="postal-code" />
            <@kenpo.textInput name="address" label=msg("kenpoPostalAddress") value=kenpoPostal.address autocomplete="street-address" />
            <@buttons.actionGroup>
                <@buttons.button id="kenpo-postal-confirm" name="kenpoPostalConfirm" label="kenpoDoConfirm" />
            </@buttons.actionGroup>
        </form>
        <@kenpo.backToLogin />
    </#if>
</@layout.registrationLayout>
