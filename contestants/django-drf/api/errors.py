from django.http import JsonResponse
from rest_framework.views import exception_handler


def api_exception_handler(exc, context):
    """DRF's handler, with the API's error body: {"error": message} or, for a validation
    error, {"error": "invalid request", "detail": {field: [messages]}}."""
    response = exception_handler(exc, context)
    if response is not None:
        data = response.data
        if isinstance(data, dict) and set(data) == {"detail"}:
            response.data = {"error": str(data["detail"])}
        else:
            response.data = {"error": "invalid request", "detail": data}
    return response


def bad_request(request, exception):
    return JsonResponse({"error": "Bad request"}, status=400)


def not_found(request, exception):
    return JsonResponse({"error": "Not found"}, status=404)


def server_error(request):
    return JsonResponse({"error": "Internal server error"}, status=500)
