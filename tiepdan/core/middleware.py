from django.conf import settings
from django.utils import translation


class VietnameseFirstLocaleMiddleware:
    """Activate the language chosen with the switch (cookie), else Vietnamese.

    Django's LocaleMiddleware would follow the browser's Accept-Language, and most office
    browsers say en-US: the interface must open in Vietnamese.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
