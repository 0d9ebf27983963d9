using System.Buffers.Binary;
using System.Text;

namespace TeamsCrm.Bot.Workbooks;

/// <summary>
/// OLE compound files ([MS-CFB]): what Excel saves a password-protected workbook as (the encrypted package in a stream
/// "EncryptedPackage" beside "EncryptionInfo", [MS-OFFCRYPTO]), and what Excel 97–2003 saved every .xls as (a stream
/// "Workbook"). Only the directory's names are read, to tell the two apart, so that a person hears "remove the password"
/// or "save it as .xlsx" rather than "not a workbook".
/// </summary>
public static class CompoundFile
{
    public static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    const int HeaderSize = 512, DirectoryEntrySize = 128, HeaderFatSectors = 109;
    const uint EndOfChain = 0xFFFFFFFE;
    /// <summary>Enough for any workbook's directory; a longer chain is a loop in a damaged file.</summary>
    const int MaxDirectorySectors = 256;

    /// <summary>What an OLE compound file holds, from its stream names; password-protected when its directory cannot be read.</summary>
    public static WorkbookProblem Inspect(Stream file)
    {
        var names = StreamNames(file);
        if (names is null || names.Contains("EncryptionInfo") || names.Contains("EncryptedPackage")) return WorkbookProblem.PasswordProtected;
        return names.Contains("Workbook") || names.Contains("Book") ? WorkbookProblem.OldExcelFormat : WorkbookProblem.NotAWorkbook;
    }

    /// <summary>The names in the file's directory, or null when it cannot be read (cut short, damaged, a chain past the first 109 FAT sectors).</summary>
    public static HashSet<string>? StreamNames(Stream file)
    {
        try
        {
            var header = new byte[HeaderSize];
            file.Position = 0;
            if (file.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize || !header.AsSpan(0, 8).SequenceEqual(Signature)) return null;
            var shift = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x1E));
            if (shift is not (9 or 12)) return null;
            var sectorSize = 1 << shift;
            var fatSectors = (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x2C)), HeaderFatSectors);
            var fat = new List<uint>();
            var sector = new byte[sectorSize];
            for (var i = 0; i < fatSectors; i++)
            {
                if (!ReadSector(file, BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x4C + 4 * i)), sector, shift)) return null;
                for (var k = 0; k < sectorSize; k += 4) fat.Add(BinaryPrimitives.ReadUInt32LittleEndian(sector.AsSpan(k)));
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            var next = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(0x30));
            for (var read = 0; next != EndOfChain; read++)
            {
                if (read == MaxDirectorySectors || next >= fat.Count || !ReadSector(file, next, sector, shift)) return null;
                for (var k = 0; k + DirectoryEntrySize <= sectorSize; k += DirectoryEntrySize)
                {
                    var length = BinaryPrimitives.ReadUInt16LittleEndian(sector.AsSpan(k + 0x40));
                    if (length is >= 2 and <= 64) names.Add(Encoding.Unicode.GetString(sector, k, length - 2));
                }
                next = fat[(int)next];
            }
            return names;
        }
        catch (IOException)
        {
            return null;
        }
    }

    static bool ReadSector(Stream file, uint index, byte[] into, int shift)
    {
        var offset = ((long)index + 1) << shift;
        if (index >= 0xFFFFFFFA || offset + into.Length > file.Length) return false;
        file.Position = offset;
        return file.ReadAtLeast(into, into.Length, throwOnEndOfStream: false) == into.Length;
    }
}
