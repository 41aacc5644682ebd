using Compliance.Checker.Snapshots;
using Compliance.Checker.Templates;
using Compliance.Rules.Inventory;
using static Compliance.Checker.Tests.Templates.TemplateFixtures;

namespace Compliance.Checker.Tests.Templates;

/// <summary>A record is located at its resource's key inside Resources: 1-based line and column, in characters.</summary>
public sealed class PositionTests
{
    private static SourceLocationOf Locate(string text, string name, string logicalId)
    {
        var template = Load(text, name: name);
        var location = Assert.Single(template.Locations.Values, l => l.LogicalId == logicalId);
        return new SourceLocationOf(location.Line, location.Column, location.File);
    }

    private sealed record SourceLocationOf(int Line, int Column, string File);

    [Fact]
    public void Json_key_positions_count_lines_and_characters()
    {
        var json = "{\n  \"Resources\": {\n    \"First\": { \"Type\": \"AWS::S3::Bucket\" },\n      \"Second\": {\n        \"Type\": \"AWS::S3::Bucket\"\n      }\n  }\n}\n";

        Assert.Equal((3, 5), At(Locate(json, "t.json", "First")));
        Assert.Equal((4, 7), At(Locate(json, "t.json", "Second")));
    }

    [Fact]
    public void Json_columns_count_characters_not_utf8_bytes_and_lines_survive_crlf_and_a_bom()
    {
        // "é" is two UTF-8 bytes, "€" three, "😀" four and two UTF-16 code units: columns count UTF-16 code units, as SARIF's utf16CodeUnits.
        var json = "\uFEFF{\r\n  \"Description\": \"caf\u00e9 \u20ac\",\r\n  \"Resources\": {\r\n    \"\u00e9\u20ac\U0001F600\": {\"Type\": \"AWS::S3::Bucket\"}, \"A\": {\"Type\": \"AWS::S3::Bucket\"},\r\n\"B\": {\"Type\": \"AWS::S3::Bucket\"}\r\n  }\r\n}";

        Assert.Equal((4, 5), At(Locate(json, "t.json", "\u00e9\u20ac\U0001F600")));
        Assert.Equal((4, 42), At(Locate(json, "t.json", "A")));
        Assert.Equal((5, 1), At(Locate(json, "t.json", "B")));
    }

    [Fact]
    public void Yaml_key_positions_follow_multiline_scalars_comments_and_crlf()
    {
        var yaml = "# comment \u00e9\u20ac\r\nDescription: |\r\n  line one\r\n  line two\r\nResources:\r\n\r\n  First:\r\n    Type: AWS::S3::Bucket\r\n  \"Second\": {Type: AWS::S3::Bucket}\r\n";

        Assert.Equal((7, 3), At(Locate(yaml, "t.yaml", "First")));
        Assert.Equal((9, 3), At(Locate(yaml, "t.yaml", "Second")));
    }

    [Fact]
    public void Yaml_columns_count_characters_after_multibyte_text_on_the_same_line()
    {
        var yaml = "Resources: { \u00e9\u20ac\u00e9: {Type: AWS::S3::Bucket}, Next: {Type: AWS::S3::Bucket} }\n";

        Assert.Equal((1, 14), At(Locate(yaml, "t.yaml", "\u00e9\u20ac\u00e9")));
        Assert.Equal((1, 44), At(Locate(yaml, "t.yaml", "Next")));
    }

    [Fact]
    public void The_location_names_the_file_relative_to_the_working_directory_with_forward_slashes()
    {
        var path = Write("Resources:\n  A: {Type: AWS::S3::Bucket}\n", "app.yaml");
        var template = TemplateSource.Load(path, new TemplateOptions());

        var location = Assert.Single(template.Locations.Values);
        Assert.DoesNotContain('\\', location.File);
        Assert.Equal(Path.GetFullPath(path), Path.GetFullPath(location.File));
    }

    [Theory]
    [InlineData("{\n  \"Resources\": {\n    \"A\": {\"Type\": \"AWS::S3::Bucket\",}\n  }\n}", "t.json", ":3:")]
    [InlineData("{\n  \"Resources\": {\n    \"\u00e9\u00e9\": 1 2\n  }\n}", "t.json", ":3:13:")]
    [InlineData("{\"Resources\": {\"A\": {\"Type\": \"AWS::S3::Bucket\"}, \"A\": {\"Type\": \"AWS::S3::Bucket\"}}}", "t.json", "appears twice")]
    [InlineData("Resources:\n  A:\n    Type: AWS::S3::Bucket\n   Bad: [\n", "t.yaml", ":4:")]
    [InlineData("Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Reff Other\n", "t.yaml", "5:19: invalid template: unknown tag !Reff")]
    [InlineData("Resources: {}\n", "t.yaml", "the Resources section is empty")]
    [InlineData("AWSTemplateFormatVersion: '2010-09-09'\n", "t.yaml", "it has no Resources section")]
    [InlineData("Resources:\n  A:\n    Properties: {}\n", "t.yaml", "2:3: invalid template: resource A has no Type")]
    [InlineData("", "t.yaml", "the file is empty")]
    [InlineData("- just\n- a list\n", "t.yaml", "expected a map with a Resources section")]
    public void Invalid_templates_are_input_errors_naming_file_line_and_column(string text, string name, string expected)
    {
        var path = Write(text, name);

        var error = Assert.Throws<InputException>(() => TemplateSource.Load(path, new TemplateOptions()));

        Assert.Contains(Path.GetFileName(path), error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Yaml_short_forms_and_long_forms_map_the_same()
    {
        var yaml = """
            Resources:
              Short:
                Type: AWS::Logs::LogGroup
                Properties: { LogGroupName: !Join ["/", ["", !Ref AWS::Region, short]], KmsKeyId: !GetAtt Key.Arn }
              Long:
                Type: AWS::Logs::LogGroup
                Properties: { LogGroupName: { "Fn::Join": ["/", ["", { Ref: "AWS::Region" }, long]] }, KmsKeyId: { "Fn::GetAtt": [Key, Arn] } }
              Key:
                Type: AWS::KMS::Key
            """;

        var groups = Load(yaml).Inventory.LogGroups;

        Assert.Equal(["/us-east-1/short", "/us-east-1/long"], groups.Select(g => g.Id));
        Assert.All(groups, g => Assert.Equal("arn:aws:kms:us-east-1:123456789012:key/Key", g.KmsKeyId));
    }

    private static (int, int) At(SourceLocationOf location) => (location.Line, location.Column);
}
