using System.Text;
using MtaAudit.Knowledge.Import;
using static MtaAudit.Tests.Knowledge.Import.ImportFixtures;

namespace MtaAudit.Tests.Knowledge.Import;

/// <summary>Whatever the bytes, the import either maps them or refuses them with a named error: never another exception.</summary>
public class HostileInputTests
{
    private static void MapsOrRefuses(byte[] bytes)
    {
        try
        {
            KnowledgeImporter.ParseFile("x.json", bytes);
        }
        catch (KnowledgeImportException e)
        {
            var error = Assert.Single(e.Errors);
            Assert.Equal("x.json", error.File);
            Assert.StartsWith("$", error.JsonPath);
        }
    }

    [Theory]
    [InlineData(ImportFixtures.Nvd)]
    [InlineData(ImportFixtures.Osv)]
    public void Every_truncation_of_a_real_record_maps_or_is_refused(string fixture)
    {
        var bytes = Encoding.UTF8.GetBytes(Text(fixture));
        for (int n = 0; n < bytes.Length; n += 37) MapsOrRefuses(bytes[..n]);
    }

    [Theory]
    [InlineData(ImportFixtures.Nvd)]
    [InlineData(ImportFixtures.Osv)]
    public void Random_byte_flips_of_a_real_record_map_or_are_refused(string fixture)
    {
        var original = Encoding.UTF8.GetBytes(Text(fixture));
        var random = new Random(4245);
        for (int round = 0; round < 400; round++)
        {
            var bytes = (byte[])original.Clone();
            for (int k = 0; k < 3; k++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            MapsOrRefuses(bytes);
        }
    }

    [Fact]
    public void Trailing_garbage_and_a_bom()
    {
        var text = Text(ImportFixtures.Nvd);
        var e = Assert.Throws<KnowledgeImportException>(() => KnowledgeImporter.ParseFile("x.json", Encoding.UTF8.GetBytes(text + "\n{}")));
        Assert.Equal("$: not valid JSON at line 486, byte 1", e.Errors[0].JsonPath + ": " + e.Errors[0].Problem);
        var bad = Encoding.UTF8.GetBytes(text);
        bad[Array.IndexOf(bad, (byte)'E')] = 0x9D; // a lone continuation byte inside the id string
        Assert.StartsWith("not UTF-8 text", Assert.Throws<KnowledgeImportException>(() => KnowledgeImporter.ParseFile("x.json", bad)).Errors[0].Problem.En);
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        Assert.Single(KnowledgeImporter.ParseFile("x.json", withBom).Cves);
    }
}
