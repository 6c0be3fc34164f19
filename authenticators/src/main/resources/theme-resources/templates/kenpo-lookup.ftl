<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<#import "kenpo-common.ftl" as kenpo>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('symbol','number','familyKanji','givenKanji','familyKana','givenKana','birthDate'); section>
<!-- template: kenpo-lookup.ftl -->
    <#if section = "header">
        ${msg("kenpoLookupTitle")}
    <#elseif section = "form">
        <@kenpo.intro text=msg("kenpoLookupIntro") />
        <form id="kenpo-lookup-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
            <@kenpo.textInput name="employeeNumber" label=msg("kenpoLookupEmployeeNumber") value=kenpoLookup.employeeNumber />
            <p class="kenpo-field-help">${msg("kenpoLookupEmployeeNumberHelp")}</p>
            <p class="kenpo-field-help" id="kenpo-lookup-card-help">${msg("kenpoLookupCardHelp")}</p>
            <@kenpo.textInput name="symbol" label=msg("kenpoLookupSymbol") value=kenpoLookup.symbol />
            <@kenpo.textInput name="number" label=msg("kenpoLookupNumber") value=kenpoLookup.number />
            <@kenpo.textInput name="familyKanji" label=msg("kenpoLookupFamilyKanji") value=kenpoLookup.familyKanji autocomplete="family-name" />
            <@kenpo.textInput name="givenKanji" label=msg("kenpoLookupGivenKanji") value=kenpoLookup.givenKanji autocomplete="given-name" />
            <@kenpo.textInput name="familyKana" label=msg("kenpoLookupFamilyKana") value=kenpoLookup.familyKana />
            <@kenpo.textInput name="givenKana" label=msg("kenpoLookupGivenKana") value=kenpoLookup.givenKana />
            <#assign birthError = kenpo.fieldErrors('birthDate')>
            <@field.group name="birthDate" label=msg("kenpoLookupBirthDate") error=birthError>
                <div class="kenpo-date" id="birthDate">
                    <select name="birthEra" id="birthEra" aria-label="${msg('kenpoLookupEra')}" class="${properties.kcInputClass}">
                        <#list ["SEIREKI","TAISHO","SHOWA","HEISEI","REIWA"] as era>
                            <option value="${era}" <#if kenpoLookup.birthEra == era>selected</#if>>${msg("kenpoEra_" + era)}</option>
                        </#list>
                    </select>
                    <input name="birthYear" id="birthYear" value="${kenpoLookup.birthYear}" inputmode="numeric" size="4" aria-label="${msg('kenpoLookupYear')}" class="${properties.kcInputClass}"/><span>${msg("kenpoLookupYear")}</span>
                    <input name="birthMonth" id="birthMonth" value="${kenpoLookup.birthMonth}" inputmode="numeric" size="2" aria-label="${msg('kenpoLookupMonth')}" class="${properties.kcInputClass}"/><span>${msg("kenpoLookupMonth")}</span>
                    <input name="birthDay" id="birthDay" value="${kenpoLookup.birthDay}" inputmode="numeric" size="2" aria-label="${msg('kenpoLookupDay')}" class="${properties.kcInputClass}"/><span>${msg("kenpoLookupDay")}</span>
                </div>
            </@field.group>
            <@buttons.actionGroup>
                <@buttons.button id="kenpo-lookup-next" name="kenpoLookupNext" label="kenpoDoNext" />
            </@buttons.actionGroup>
        </form>
        <section class="kenpo-caution" id="kenpo-lookup-cautions">
            <h2>${msg("kenpoLookupCautionTitle")}</h2>
            <p>${msg("kenpoLookupCaution1")}</p>
            <p>${msg("kenpoLookupCaution2")}</p>
        </section>
        <form id="kenpo-postal-open-form" action="${url.loginAction}" method="post" novalidate="novalidate">
            <button class="${properties.kcButtonLinkClass} kenpo-link-button" type="submit" name="kenpoPostal" value="1" id="kenpo-postal-open">${msg("kenpoPostalLink")}</button>
        </form>
        <@kenpo.backToLogin />
    </#if>
</@layout.registrationLayout>
