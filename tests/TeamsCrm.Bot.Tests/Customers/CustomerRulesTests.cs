using System.Text.Json.Nodes;
using TeamsCrm.Bot.Access;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Directory;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Features.Customers;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Tests.Customers;

public class CustomerRulesTests
{
    [Fact]
    public void Reps_and_managers_file_new_customers_customer_service_and_strangers_do_not()
    {
        static Person P(params Role[] roles) => new("x", "x", null, roles.ToHashSet(), null);
        Assert.True(CustomerAccess.MayCreate(P(Role.Rep)));
        Assert.True(CustomerAccess.MayCreate(P(Role.Supervisor)));
        Assert.True(CustomerAccess.MayCreate(P(Role.SalesManager, Role.KeyAccountDirector)));
        Assert.True(CustomerAccess.MayCreate(P(Role.CustomerService, Role.Rep)));
        Assert.False(CustomerAccess.MayCreate(P(Role.CustomerService)));
        Assert.False(CustomerAccess.MayCreate(P()));
        Assert.False(CustomerAccess.MayCreate(null));
    }

    [Fact]
    public void Individual_files_have_no_company_size_or_credit_code_even_when_a_forged_card_sends_them()
    {
        var data = new JsonObject { ["name"] = "Wang Xiaoming", ["phone"] = "138 0013 8000", ["companySize"] = "1000+", ["creditCode"] = "junk",
            ["category"] = "Potential", ["tier"] = "General" };
        var f = new FormReader(data, T.English);
        var basics = CustomerBasics.Read(f, CustomerKind.Individual);
        Assert.True(f.IsValid);
        Assert.Null(basics!.CompanySize);
        Assert.Null(basics.CreditCode);
        Assert.DoesNotContain("creditCode", CustomerBasics.FieldsOf(CustomerKind.Individual));
    }

    [Fact]
    public void An_individual_needs_a_phone_a_company_needs_a_first_contact()
    {
        var f = new FormReader(new JsonObject { ["name"] = "Wang Xiaoming", ["category"] = "New", ["tier"] = "General" }, T.English);
        Assert.Null(CustomerBasics.Read(f, CustomerKind.Individual));
        Assert.Equal(["phone"], f.Errors.Keys);

        var company = new FormReader(new JsonObject { ["name"] = "Huadong", ["category"] = "New", ["tier"] = "General", ["contactRole"] = "Primary" }, T.English);
        Assert.NotNull(CustomerBasics.Read(company, CustomerKind.Enterprise));
        Assert.Null(ContactForm.Read(company, required: true));
        Assert.Equal(["contactName"], company.Errors.Keys);
    }

    [Fact]
    public void A_contact_may_be_left_out_but_not_half_filled_in()
    {
        var none = new FormReader(new JsonObject { ["contactRole"] = "Primary" }, T.English);
        Assert.Null(ContactForm.Read(none, required: false));
        Assert.True(none.IsValid);

        var half = new FormReader(new JsonObject { ["contactPhone"] = "138 0013 8000", ["contactRole"] = "Primary" }, T.English);
        Assert.Null(ContactForm.Read(half, required: false));
        Assert.Equal("Give the contact's name too, or leave the contact empty.", half.Errors["contactName"]);
    }

    [Fact]
    public void Changes_list_only_the_fields_that_differ_with_old_and_new_values()
    {
        var before = CustomerBasics.Of(Cards.CustomerSamples.Huadong);
        var after = before with { Phone = "021 5555 0199", Tier = CustomerTier.General, Email = null };
        Assert.Equal(
            [("phone", "+86 21 5555 0100", "021 5555 0199"), ("email", "info@huadong.example", null), ("tier", "Special", "General")],
            before.ChangesTo(after, CustomerKind.Enterprise));
        Assert.Empty(before.ChangesTo(before, CustomerKind.Enterprise));
    }

    [Fact]
    public void A_merge_keeps_what_the_user_typed_where_nobody_else_changed_and_shows_the_stored_value_where_someone_did()
    {
        string[] fields = ["name", "phone", "email", "region"];
        var opened = new JsonObject { ["name"] = "Huadong", ["phone"] = "1", ["email"] = "a@x.cn", ["region"] = "Shanghai" };
        var typed = new Dictionary<string, string?> { ["name"] = "Huadong Precision", ["phone"] = "2", ["email"] = "a@x.cn", ["region"] = "Jiangsu" };
        var stored = new Dictionary<string, string?> { ["name"] = "Huadong", ["phone"] = "3", ["email"] = "b@x.cn", ["region"] = "Jiangsu" };

        var merge = EditMerge.Merge(fields, opened, typed, stored);

        Assert.Equal("Huadong Precision", merge.Values["name"]);   // only I changed it
        Assert.Equal("3", merge.Values["phone"]);                   // both changed it: theirs shown, a conflict
        Assert.Equal("b@x.cn", merge.Values["email"]);              // only they changed it
        Assert.Equal("Jiangsu", merge.Values["region"]);            // both made the same change
        Assert.Equal(["phone", "email", "region"], merge.ChangedMeanwhile);
        Assert.Equal(["phone"], merge.Conflicts);
    }

    [Theory]
    [InlineData("C-2026-00042", "C-2026-00042")]
    [InlineData("c-2026-00042", "C-2026-00042")]
    [InlineData(" Ｃ－２０２６－０００４２ ", "C-2026-00042")]
    [InlineData("C-2026-0042", null)]
    [InlineData("C-2026-00042; DROP", null)]
    [InlineData(null, null)]
    public void Registration_numbers_are_read_as_people_type_them(string? typed, string? expected) => Assert.Equal(expected, CustomerNumbers.Parse(typed));

    [Fact]
    public void The_credit_code_check_character_follows_GB_32100()
    {
        Assert.Equal('G', CreditCodes.CheckCharacter("91350200MA2YJ1XR9"));   // a published code
        Assert.Equal(CreditCodeProblem.None, CreditCodes.Check("91350200MA2YJ1XR9G"));
        Assert.Equal(CreditCodeProblem.CheckCharacter, CreditCodes.Check("91350200MA2YJ1XR9H"));
        Assert.Equal(CreditCodeProblem.Shape, CreditCodes.Check("91350200MA2YJ1XR9S"));   // S is not in the alphabet
    }
}
