using System.Globalization;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>The inputs the new-customer, edit and add-contact forms share; ids as <see cref="CustomerBasics"/> and <see cref="ContactForm"/> read them.</summary>
static class CustomerFormSections
{
    public static void Basics(FormFields f, CultureInfo c, CustomerKind kind)
    {
        var enterprise = kind == CustomerKind.Enterprise;
        f.Text("name", T.Get(c, enterprise ? "field.name" : "field.personName"), required: true)
            .Text("aliases", CustomerText.Field(c, "aliases"), placeholder: T.Get(c, "customers.aliasesPlaceholder"))
            .Text("industry", CustomerText.Field(c, "industry"));
        if (enterprise) f.Choice("companySize", CustomerText.Field(c, "companySize"), CustomerText.CompanySizes(c));
        f.Text("region", CustomerText.Field(c, "region"))
            .Text("address", CustomerText.Field(c, "address"))
            .Text("coordinates", CustomerText.Field(c, "coordinates"), maxLength: 64, placeholder: "31.298900, 120.585300")
            .Text("phone", CustomerText.Field(c, "phone"), required: !enterprise, maxLength: 40, style: "Tel")
            .Text("email", CustomerText.Field(c, "email"), style: "Email")
            .Text("website", CustomerText.Field(c, "website"), style: "Url", placeholder: "www.example.com");
        if (enterprise) f.Text("creditCode", CustomerText.Field(c, "creditCode"), maxLength: 24, placeholder: "91310000XXXXXXXXXX");
        f.Choice("category", CustomerText.Field(c, "category"), CustomerText.Choices<CustomerCategory>(c), required: true)
            .Choice("tier", CustomerText.Field(c, "tier"), CustomerText.Choices<CustomerTier>(c), required: true);
    }

    public static void Contact(FormFields f, CultureInfo c, bool required) => f
        .Text("contactName", T.Get(c, "field.contactName"), required)
        .Text("contactTitle", T.Get(c, "field.contactTitle"))
        .Text("contactPhone", T.Get(c, "field.phone"), maxLength: 40, style: "Tel")
        .Text("contactEmail", T.Get(c, "field.email"), style: "Email")
        .Choice("contactRole", T.Get(c, "field.contactRole"), CustomerText.Choices<ContactRole>(c), required);
}
