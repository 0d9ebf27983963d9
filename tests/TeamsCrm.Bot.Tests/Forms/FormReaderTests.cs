using System.Text.Json.Nodes;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Forms;

namespace TeamsCrm.Bot.Tests.Forms;

/// <summary>Every input is checked on the server, whatever the client did; a bad value gives a message for its field.</summary>
public class FormReaderTests
{
    static FormReader Read(string id, JsonNode? value) => new(new JsonObject { [id] = value }, T.English);

    static string? ErrorOf(FormReader f, string id) => f.Errors.GetValueOrDefault(id);

    [Fact]
    public void Required_text_that_is_missing_empty_or_blank_is_refused()
    {
        foreach (var value in new JsonNode?[] { null, "", "   ", "\u0007" })
        {
            var f = Read("name", value);
            Assert.Null(f.Text("name", required: true));
            Assert.Equal("Required.", ErrorOf(f, "name"));
        }
        Assert.Empty(Read("name", null).Errors);   // not required, nothing typed: fine
    }

    [Fact]
    public void Text_is_trimmed_and_single_line_and_no_longer_than_its_limit()
    {
        Assert.Equal("Huadong Precision", Read("name", "  Huadong\nPrecision ").Text("name"));
        Assert.Equal(new string('a', 255), Read("name", new string('a', 255)).Text("name"));
        var f = Read("name", new string('a', 256));
        Assert.Null(f.Text("name"));
        Assert.Equal("Too long: at most 255 characters (this has 256).", ErrorOf(f, "name"));
    }

    [Fact]
    public void Multi_line_text_keeps_its_line_breaks_up_to_four_thousand_characters()
    {
        Assert.Equal("line 1\nline 2", Read("d", "line 1\r\nline 2").MultiLine("d"));
        Assert.Equal(4000, Read("d", new string('x', 4000)).MultiLine("d")!.Length);
        Assert.NotNull(ErrorOf(Read("d", new string('x', 4001)).Also(f => f.MultiLine("d")), "d"));
    }

    [Fact]
    public void A_value_that_is_not_text_is_refused_rather_than_guessed()
    {
        var f = Read("amount", 12);
        Assert.Null(f.Amount("amount"));
        Assert.Equal("This value could not be read; please type it again.", ErrorOf(f, "amount"));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1234.5", "1234.5")]
    [InlineData("1,234.50", "1234.50")]
    [InlineData("12,345,678.9", "12345678.9")]
    [InlineData("１２３４．５０", "1234.50")]   // full width, as Chinese input methods type it
    [InlineData("¥ 88", "88")]
    [InlineData("￥1,000", "1000")]
    public void Amounts_people_type_are_read(string typed, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Read("a", typed).Amount("a"));

    [Theory]
    [InlineData("-5", "An amount cannot be negative.")]
    [InlineData("1.234", "At most 2 decimal places.")]
    [InlineData("12,34", "Enter an amount such as 1,234.50.")]
    [InlineData("1,2345.00", "Enter an amount such as 1,234.50.")]
    [InlineData("abc", "Enter an amount such as 1,234.50.")]
    [InlineData("1e5", "Enter an amount such as 1,234.50.")]
    [InlineData("1000000000000", "That amount is too large.")]
    public void Bad_amounts_are_refused_with_the_reason(string typed, string message)
    {
        var f = Read("a", typed);
        Assert.Null(f.Amount("a"));
        Assert.Equal(message, ErrorOf(f, "a"));
    }

    [Theory]
    [InlineData("2026-11-22", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2026-02-29", false)]
    [InlineData("22/11/2026", false)]
    [InlineData("2026-11-22T08:00", false)]
    [InlineData("1850-01-01", false)]
    public void Dates_are_yyyy_MM_dd_as_Input_Date_sends_them(string typed, bool valid)
    {
        var f = Read("date", typed);
        Assert.Equal(valid, f.Date("date") is not null);
        Assert.Equal(valid ? null : "Pick a date (yyyy-MM-dd).", ErrorOf(f, "date"));
    }

    [Theory]
    [InlineData("li.na@contoso.example", true)]
    [InlineData("ｌｉ＠ｃｏｎｔｏｓｏ．ｃｎ", true)]
    [InlineData("li@contoso", false)]
    [InlineData("li@@contoso.com", false)]
    [InlineData("li na@contoso.com", false)]
    [InlineData("@contoso.com", false)]
    public void Emails_have_one_at_and_a_dotted_domain(string typed, bool valid) => Assert.Equal(valid, Read("e", typed).Email("e") is not null);

    [Theory]
    [InlineData("+86 (21) 5555-0100", null)]
    [InlineData("13800138000", null)]
    [InlineData("１３８００１３８０００", null)]
    [InlineData("12345", "A phone number has 6 to 20 digits.")]
    [InlineData("123456789012345678901", "A phone number has 6 to 20 digits.")]
    [InlineData("138-0013-8000 ext 5", "Use digits, spaces, +, - and brackets only.")]
    [InlineData("1+3800138000", "Use digits, spaces, +, - and brackets only.")]
    public void Phones_are_digits_with_spaces_plus_dashes_and_brackets(string typed, string? message)
    {
        var f = Read("p", typed);
        f.Phone("p");
        Assert.Equal(message, ErrorOf(f, "p"));
    }

    [Theory]
    [InlineData("www.huadong.example", true)]
    [InlineData("huadong.com.cn/about", true)]
    [InlineData("https://huadong.example/cn?x=1", true)]
    [InlineData("http://huadong.example", true)]
    [InlineData("ftp://huadong.example", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("huadong", false)]
    [InlineData("www.huadong .com", false)]
    public void Websites_are_http_addresses_or_bare_domains(string typed, bool valid) => Assert.Equal(valid, Read("w", typed).Website("w") is not null);

    [Fact]
    public void Credit_codes_are_upper_cased_and_checked_against_GB_32100()
    {
        Assert.Equal("91310115MA1H7GQ2XU", Read("cc", "91310115ma1h7gq2xu").CreditCode("cc"));
        Assert.Equal("91350200MA2YJ1XR9G", Read("cc", "9135 0200 MA2Y J1XR 9G").CreditCode("cc"));

        var typo = Read("cc", "91310115MA1H7GQ2XA");
        Assert.Null(typo.CreditCode("cc"));
        Assert.Equal("The last character does not match the other 17: please check the code for a typo.", ErrorOf(typo, "cc"));
        foreach (var bad in new[] { "91310115MA1H7GQ2X", "91310115MA1H7GQ2XUU", "91310115MA1I7GQ2XU", "91310115MA1O7GQ2XU", "9131011-MA1H7GQ2XU" })
            Assert.StartsWith("A unified social credit code has 18 characters", ErrorOf(Read("cc", bad).Also(f => f.CreditCode("cc")), "cc"), StringComparison.Ordinal);
    }

    [Fact]
    public void Choices_are_the_names_offered_and_nothing_else()
    {
        Assert.Equal(TeamsCrm.Bot.Domain.CustomerTier.Special, Read("t", "Special").Choice<TeamsCrm.Bot.Domain.CustomerTier>("t"));
        foreach (var forged in new[] { "1", "special", "Special, General", "Boss" })
            Assert.Equal("Pick one of the options.", ErrorOf(Read("t", forged).Also(f => f.Choice<TeamsCrm.Bot.Domain.CustomerTier>("t")), "t"));
        var narrowed = Read("type", "Contract");
        Assert.Null(narrowed.Choice("type", allowed: [TeamsCrm.Bot.Domain.EntryType.Complaint]));
        Assert.Equal("Pick one of the options.", ErrorOf(narrowed, "type"));
    }

    [Fact]
    public void Messages_are_in_the_readers_language_and_the_first_problem_of_a_field_stays()
    {
        var f = new FormReader(new JsonObject { ["a"] = "-1" }, T.Chinese);
        f.Amount("a");
        f.Fail("a", "form.required");
        Assert.Equal("金额不能为负数。", f.Errors["a"]);
    }
}

static class FormReaderExtensions
{
    public static FormReader Also(this FormReader f, Action<FormReader> read)
    {
        read(f);
        return f;
    }
}
