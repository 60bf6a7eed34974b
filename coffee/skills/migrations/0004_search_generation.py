from django.db import migrations, models

from coffee.skills.search import generation


def install(apps, schema_editor):
    """The counter's row and the triggers that raise it (search.generation)."""
    generation.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    generation.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0002_clearer_labels"),
        ("people", "0003_role_unique_per_company"),
        ("skills", "0003_search_entry"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchGeneration",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("value", models.BigIntegerField(default=0, verbose_name="generation")),
            ],
            options={
                "verbose_name": "search generation",
                "verbose_name_plural": "search generations",
            },
        ),
        migrations.RunPython(install, uninstall, elidable=False),
    ]
