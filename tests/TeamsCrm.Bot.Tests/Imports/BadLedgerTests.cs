using System.Buffers.Binary;
using System.Text;
using TeamsCrm.Bot.Features.Imports;
using TeamsCrm.TestSupport;
using static TeamsCrm.Bot.Tests.Imports.CustomerLedger;

namespace TeamsCrm.Bot.Tests.Imports;

/// <summary>Files the import refuses as a whole: a clear message each (exit code 2), and nothing written.</summary>
public sealed class BadLedgerTests : IDisposable
{
    readonly string _folder = System.IO.Directory.CreateTempSubdirectory("bad-ledger-").FullName;

    public void Dispose() => System.IO.Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Each_bad_file_is_refused_with_its_own_message_and_nothing_is_written()
    {
        await using var bot = await TestBot.StartAsync();
        var cases = new (string Name, Action<string> Write, string Message)[]
        {
            ("合同.pdf", p => File.WriteAllText(p, "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n"), "not a workbook"),
            ("空.xlsx", p => File.WriteAllBytes(p, []), "no rows to import"),
            ("只有空表.xlsx", p => new LedgerWorkbook().Sheet("Sheet1", []).Save(p), "no rows to import"),
            ("加密台账.xlsx", p => File.WriteAllBytes(p, EncryptedWorkbook()), "password-protected"),
            ("图片.xlsx", p => File.WriteAllBytes(p, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]), "not a workbook"),
            // Past the row limit: refused while the apply reads the file through, before its first write.
            ("客户台账.xlsx", Write, "more rows than the 150"),
        };
        foreach (var (name, write, message) in cases)
        {
            var path = Path.Combine(_folder, name);
            write(path);
            using var output = new StringWriter();
            using var errors = new StringWriter();
            var code = await ImportCommand.RunAsync([path, "--contentRoot", AppContext.BaseDirectory, "--Archive:Sqlite:Path", bot.DatabasePath,
                "--Import:Language", "en", "--Import:MaxRows", "150"], output, errors);
            Assert.True(code == 2, $"{name}: {code} {output}");
            Assert.Contains(message, errors.ToString(), StringComparison.Ordinal);
        }
        Assert.Empty(await bot.Archive.Customers.FindByNamePrefixAsync(Name(0), 5));
        Assert.Empty(await bot.Archive.Imports.UnfinishedAsync());
    }

    [Fact]
    public async Task A_csv_in_GBK_with_full_width_digits_and_text_dates_reads_like_the_workbook()
    {
        await using var bot = await TestBot.StartAsync();
        var path = Path.Combine(_folder, "台账.csv");
        var csv = "客户名称,电话,业务员,签约日期,合同金额\n" +
            "扬州恒信机电有限公司,０５１４－８７６５４３２１,Li Na,2025年3月5日,\"¥12,000.50\"\n" +
            "扬州新锐机电有限公司,0514-87650000,Li Na,45658,800\n" +
            "扬州坏数据有限公司,不是电话,Li Na,2025-13-45,abc\n";
        await File.WriteAllBytesAsync(path, TeamsCrm.Bot.Workbooks.TextEncodings.Gb18030.GetBytes(csv));
        using var output = new StringWriter();
        var code = await ImportCommand.RunAsync([path, "--contentRoot", AppContext.BaseDirectory, "--Archive:Sqlite:Path", bot.DatabasePath,
            "--Import:Language", "en"], output, new StringWriter());
        Assert.Equal(1, code);
        Assert.Contains("台账!4\trefused\t扬州坏数据有限公司\t电话: ", output.ToString(), StringComparison.Ordinal);
        var first = (await bot.Archive.Customers.GetFileAsync(Assert.Single(await bot.Archive.Customers.FindByNamePrefixAsync("扬州恒信", 5)).Number))!;
        Assert.Equal("0514-87654321", first.Customer.Phone);
        Assert.Equal((new DateOnly(2025, 3, 5), 12_000.50m), (first.Entries[0].Date, first.Entries[0].Amount));
        var second = (await bot.Archive.Customers.GetFileAsync(Assert.Single(await bot.Archive.Customers.FindByNamePrefixAsync("扬州新锐", 5)).Number))!;
        Assert.Equal(new DateOnly(2025, 1, 1), second.Entries[0].Date);   // an Excel serial in a text cell
    }

    /// <summary>What Excel writes for a workbook with a password: an OLE compound file holding EncryptionInfo and EncryptedPackage.</summary>
    static byte[] EncryptedWorkbook()
    {
        var file = new byte[512 * 3];
        var header = file.AsSpan(0, 512);
        CompoundSignature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);        // major version 3: 512-byte sectors
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);   // little-endian
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);        // sector shift
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x2C..], 1);        // one FAT sector…
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x30..], 1);        // …the directory in sector 1
        BinaryPrimitives.WriteUInt32LittleEndian(header[0x4C..], 0);        // …the FAT in sector 0
        for (var i = 0x50; i < 512; i += 4) BinaryPrimitives.WriteUInt32LittleEndian(header[i..], 0xFFFFFFFF);
        var fat = file.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteUInt32LittleEndian(fat, 0xFFFFFFFD);          // sector 0: the FAT itself
        BinaryPrimitives.WriteUInt32LittleEndian(fat[4..], 0xFFFFFFFE);     // sector 1: end of the directory chain
        var directory = file.AsSpan(1024, 512);
        string[] names = ["Root Entry", "EncryptionInfo", "EncryptedPackage"];
        for (var i = 0; i < names.Length; i++)
        {
            var entry = directory.Slice(i * 128, 128);
            Encoding.Unicode.GetBytes(names[i]).CopyTo(entry);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)((names[i].Length + 1) * 2));
        }
        return file;
    }

    static ReadOnlySpan<byte> CompoundSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
}
