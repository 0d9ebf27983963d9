using TeamsCrm.Bot.Domain.Documents;

namespace TeamsCrm.Bot.Tests.Domain.Documents;

public class DocumentNamesTests
{
    [Theory]
    [InlineData("contract.pdf", "contract.pdf")]
    [InlineData("../../x", "x")]
    [InlineData("..\\..\\windows\\system.ini", "system.ini")]
    [InlineData("/etc/passwd", "passwd")]
    [InlineData("合同 2026-11.pdf", "合同 2026-11.pdf")]
    [InlineData("a:b*c?d\"e<f>g|h#i%.pdf", "a_b_c_d_e_f_g_h_i_.pdf")]
    [InlineData("  .hidden. ", "hidden")]
    [InlineData("CON.pdf", "file.pdf")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData("...", "file")]
    [InlineData("~$lock.docx", "lock.docx")]
    [InlineData("tab\there\u0000.txt", "tabhere.txt")]
    [InlineData("a_vti_b.pdf", "a_vti-b.pdf")]
    [InlineData("COM0.txt", "file.txt")]
    [InlineData("lpt0", "file")]
    public void Names_are_kept_safe(string? given, string kept) => Assert.Equal(kept, DocumentNames.Sanitise(given));

    [Fact]
    public void A_long_name_keeps_its_extension_and_a_lone_surrogate_is_dropped()
    {
        var kept = DocumentNames.Sanitise(new string('名', 300) + ".pdf");
        Assert.Equal(DocumentNames.MaxLength, kept.Length);
        Assert.EndsWith(".pdf", kept, StringComparison.Ordinal);
        Assert.Equal("ab.pdf", DocumentNames.Sanitise("a\ud800b.pdf"));
        Assert.Equal("😀.jpg", DocumentNames.Sanitise("😀.jpg"));
    }

    [Theory]
    [InlineData("x.PDF", ".pdf")]
    [InlineData("noext", "")]
    [InlineData(".gitignore", "")]
    [InlineData("a.", "")]
    public void The_extension_is_lower_case_with_its_dot(string name, string extension) => Assert.Equal(extension, DocumentNames.Extension(name));
}
