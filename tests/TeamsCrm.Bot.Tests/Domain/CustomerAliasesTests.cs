using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Tests.Domain;

public class CustomerAliasesTests
{
    [Theory]
    [InlineData(null, new string[0])]
    [InlineData("  ", new string[0])]
    [InlineData("华东精密; HPM", new[] { "华东精密", "HPM" })]
    [InlineData("华东、华东精密，HPM；hpm", new[] { "华东", "华东精密", "HPM" })]   // Chinese separators; a repeat by normal form goes
    [InlineData("Old Name Ltd,  ; ;-", new[] { "Old Name Ltd" })]                   // empty and punctuation-only parts go
    public void Aliases_split_on_any_separator_people_type_without_repeats(string? text, string[] expected) =>
        Assert.Equal(expected, CustomerAliases.Split(text));

    [Fact]
    public void A_file_answers_to_its_name_and_each_alias_in_normal_form()
    {
        var c = new Customer { Number = "C-2026-00001", Kind = CustomerKind.Enterprise, Name = "Huadong Precision Machinery", OwnerAadObjectId = "x",
            Aliases = "华东精密; H.P.M." };
        Assert.Equal(["huadongprecisionmachinery", "华东精密", "hpm"], CustomerAliases.NormalizedNames(c));
        Assert.Equal("hpm", CustomerAliases.Normalized(c.Aliases, 1));
        Assert.Null(CustomerAliases.Normalized(c.Aliases, 2));
    }

    [Fact]
    public void A_chinese_short_name_matches_an_english_file_through_its_alias_and_the_match_shows_the_file_name()
    {
        (string, string, IReadOnlyList<string>)[] book =
        [
            ("C-2026-00001", "Huadong Precision Machinery", ["华东精密机械"]),
            ("C-2026-00002", "Nanjing Steel Works", []),
        ];
        var m = CustomerMatcher.Match("华东", book);
        Assert.Equal(("C-2026-00001", "Huadong Precision Machinery"), (m.Ranked[0].Number, m.Ranked[0].Name));
        Assert.Single(m.Ranked);
        // Without the alias the English name alone does not match the Chinese short name.
        Assert.Empty(CustomerMatcher.Match("华东", [("C-2026-00001", "Huadong Precision Machinery")]).Ranked);
        // An alias typed whole is as sure as the name.
        Assert.Equal(MatchVerdict.Sure, CustomerMatcher.Match("华东精密机械", book).Verdict);
    }
}
