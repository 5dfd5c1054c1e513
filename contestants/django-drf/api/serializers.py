from rest_framework import serializers

from .models import User


class UserSerializer(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "name", "email"]


class IoParams(serializers.Serializer):
    ms = serializers.IntegerField(min_value=0, max_value=10000)


class CpuParams(serializers.Serializer):
    n = serializers.IntegerField(min_value=1, max_value=1000000)
