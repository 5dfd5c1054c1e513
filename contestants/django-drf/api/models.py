from django.db import models


class User(models.Model):
    """A row of the existing table `users` (created by the lab, never migrated by Django)."""

    id = models.IntegerField(primary_key=True)
    name = models.TextField()
    email = models.TextField()

    class Meta:
        managed = False
        db_table = "users"
